// The OpenAPI document (read through the Arazzo document, not configured anywhere) moved an
// operation to /animals; the workflow class was generated again and calls the new path.
def log = new File(basedir, 'build.log').text
def marker = new File(basedir, 'target/second-build-started')
def workflow = new File(basedir, 'target/generated-sources/arazzo/com/example/pets/AdoptPetWorkflow.java')
def before = new File(basedir, 'target/first-build/com/example/pets/AdoptPetWorkflow.java')

assert marker.isFile() : 'the second build did not run'
assert !log.contains('nothing to generate')
assert (log =~ /pets\.arazzo\.yaml: \d+ class(?:es)? written/).count == 2
assert before.isFile() && workflow.isFile()
assert !before.text.contains('/animals')
assert workflow.text.contains('/animals')
assert workflow.lastModified() >= marker.lastModified()
return true
