// check-pet was removed from the document: its class is deleted, adopt-pet's stays.
def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'target/generated-sources/arazzo/com/example/pets')

assert new File(basedir, 'target/second-build-started').isFile() : 'the second build did not run'
assert new File(basedir, 'target/first-build/com/example/pets/CheckPetWorkflow.java').isFile()
assert !new File(generated, 'CheckPetWorkflow.java').exists()
assert new File(generated, 'AdoptPetWorkflow.java').isFile()
assert log =~ /Deleted (1 stale file|\d+ stale files): .*CheckPetWorkflow\.java/
def state = new File(basedir, 'target/arazzo-state/default.state').text
assert !state.contains('CheckPetWorkflow')
assert state.contains('output=com/example/pets/AdoptPetWorkflow.java')
return true
