// The first build generated and compiled; the second, with arazzo-runtime gone from the pom and no input of the
// generation changed, is up to date and still fails with the sentence naming the dependency, not in javac.
def log = new File(basedir, 'build.log').text

assert new File(basedir, 'target/classes/com/example/pets/AdoptPetWorkflow.class').isFile() : 'the first build did not compile'
assert log.contains('BUILD FAILURE')
assert log.contains("The generated code calls arazzo-runtime, which is not on the project's compile classpath: add "
        + '<dependency><groupId>dev.arazzo</groupId><artifactId>arazzo-runtime</artifactId>') : 'no sentence naming it'
assert !log.contains('package dev.arazzo.runtime does not exist') : 'javac ran'
return true
