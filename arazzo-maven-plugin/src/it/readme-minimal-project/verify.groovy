// The README's pom, pasted, generates from src/main/arazzo/pets-arazzo.yaml (a default include), compiles the
// README's Main against the generated class, and logs the class and its file.
def log = new File(basedir, 'build.log').text

assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/generated-sources/arazzo/com/example/pets/AdoptPetWorkflow.java').isFile()
assert new File(basedir, 'target/classes/com/example/Main.class').isFile() : "the README's Main did not compile"
assert log.contains('[INFO] src/main/arazzo/pets-arazzo.yaml: 1 class written, 0 unchanged')
assert log.contains('[INFO]   com.example.pets.AdoptPetWorkflow: '
        + 'target/generated-sources/arazzo/com/example/pets/AdoptPetWorkflow.java')
// no warning of the build itself (the compiler plugin honours maven.compiler.release, the encoding is set); the
// test's repository, a mirror of the user's, has no checksums, which Maven warns about while copying from it
def warnings = log.readLines().findAll { it.startsWith('[WARNING]') }
        .findAll { !(it =~ /Checksum validation failed|Could not validate integrity of download/) }
assert warnings.isEmpty() : "the README project builds with warnings: ${warnings}"
return true
