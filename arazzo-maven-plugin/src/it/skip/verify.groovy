// Skipped: the invalid document was not even read, yet the class already in the output folder compiled.
def log = new File(basedir, 'build.log').text

assert log.contains('Skipping Arazzo code generation (arazzo.skip)')
assert !log.contains('fetchPet')
assert !new File(basedir, 'target/arazzo-state').exists()
assert new File(basedir, 'target/classes/com/example/pets/AdoptPetWorkflow.class').isFile()
assert new File(basedir, 'target/classes/com/example/app/Adoption.class').isFile()
return true
