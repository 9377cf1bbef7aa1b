// Step getPet names operation fetchPet (line 22), which the OpenAPI document does not define.
def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
assert log =~ /\[ERROR\] \S*pets\.arazzo\.yaml:22:\d+: error: \[[a-z0-9-]+\] .*fetchPet/ : 'no located error in the log'
// The failure message, repeated in Maven's summary, lists the problem too.
assert log =~ /error in the Arazzo documents; nothing was generated:\s*\R\S*pets\.arazzo\.yaml:22:\d+: error:/
assert !new File(basedir, 'target/generated-sources/arazzo/com').exists()
assert !new File(basedir, 'target/arazzo-state').exists()
return true
