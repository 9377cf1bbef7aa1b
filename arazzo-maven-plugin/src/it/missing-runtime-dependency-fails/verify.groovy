// The runtime jar is not a dependency: the build fails before generating, naming the dependency to add.
def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
assert log.contains("The generated code calls arazzo-runtime, which is not on the project's compile classpath: add "
        + '<dependency><groupId>dev.arazzo</groupId><artifactId>arazzo-runtime</artifactId>') : 'no sentence naming it'
assert log.contains('(or set <runtime>inline</runtime>')
assert !new File(basedir, 'target/generated-sources/arazzo/com').exists()
return true
