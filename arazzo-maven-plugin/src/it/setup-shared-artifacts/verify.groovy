// Everything the other tests share is now in it-repo: the plugin ran, antrun ran, the compiler plugin ran.
def log = new File(basedir, 'build.log').text
def repo = localRepositoryPath as File

assert log.contains('arazzo:generate')
assert log.contains('antrun is in it-repo')
assert log.contains('maven-compiler-plugin:')
assert new File(repo, 'org/apache/maven/plugins/maven-antrun-plugin').isDirectory()
assert new File(repo, 'com/fasterxml/jackson/core/jackson-databind').isDirectory()
return true
