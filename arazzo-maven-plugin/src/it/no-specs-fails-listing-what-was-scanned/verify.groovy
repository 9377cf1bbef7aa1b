// src/main/arazzo holds only an OpenAPI document: the first build fails, listing what it searched; the second,
// with failIfNoSpecs=false, only warns. The log holds both builds.
def log = new File(basedir, 'build.log').text
def scanned = 'No Arazzo documents found: searched src/main/arazzo for **/*.arazzo.yaml, **/*.arazzo.yml, '

assert log.contains('BUILD FAILURE') && log.contains('BUILD SUCCESS')
assert log =~ /\[ERROR\] Failed to execute goal .*\Q${scanned}\E/ : 'the failure does not say what was scanned'
assert log.contains('**/*-arazzo.yaml') && log.contains('**/arazzo.yaml')
assert log.contains('; list them in <specs>, point <specDirectory> at them, or set <failIfNoSpecs>false</failIfNoSpecs>')
assert log.contains('[WARNING] ' + scanned) : 'failIfNoSpecs=false does not warn'
return true
