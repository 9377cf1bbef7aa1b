// The second build (after the marker was touched) neither generated nor wrote anything.
def log = new File(basedir, 'build.log').text
def marker = new File(basedir, 'target/second-build-started')
assert marker.isFile() : 'the second build did not run'

assert log.contains('Arazzo sources are up to date, nothing to generate')
assert (log =~ /nothing to generate/).count == 1

def touched = []
['target/generated-sources/arazzo', 'target/arazzo-state'].each { dir ->
    new File(basedir, dir).eachFileRecurse(groovy.io.FileType.FILES) { file ->
        if (file.lastModified() >= marker.lastModified()) touched << file
    }
}
assert touched.isEmpty() : "the second build changed $touched"
assert new File(basedir, 'target/generated-sources/arazzo/com/example/pets/AdoptPetWorkflow.java').isFile()
assert new File(basedir, 'target/classes/com/example/app/Adoption.class').isFile()
return true
