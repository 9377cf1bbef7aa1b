// arazzo-runtime only through lib: no "not on the project's compile classpath", the code is generated and compiled.
def log = new File(basedir, 'build.log').text
def app = new File(basedir, 'app')

assert !log.contains("not on the project's compile classpath")
assert new File(app, 'target/generated-sources/arazzo/com/example/pets/AdoptPetWorkflow.java').isFile()
assert new File(app, 'target/classes/com/example/pets/AdoptPetWorkflow.class').isFile()
assert new File(app, 'target/classes/com/example/app/Adoption.class').isFile()

// The goal collects the dependencies itself, and Maven no longer does before it runs: in the first build the goal
// collects app's graph (app, lib, arazzo-runtime, Jackson's jars) before generating. In the second, up to date,
// the goal first reads the dependencies app's pom declares (no collection); they do not name arazzo-runtime, which
// comes through lib, so it collects app's graph once more, to find it there (a project that declares both
// collects nothing when up to date). Each build also has Maven's collection of the plugin's own dependencies (a
// graph of one node: the plugin has none).
def builds = log.split(/BUILD SUCCESS/)
assert builds.length == 3 : 'not two successful builds'
def collected = { String build ->
    def start = build.indexOf('--- arazzo-maven-plugin:')
    def generating = build.indexOf('Generating Arazzo sources', start)
    def goal = build.substring(start, generating < 0 ? build.length() : generating)
    (goal =~ /Dependency collection stats \{.*?ConflictMarker\.nodeCount=(\d+)/).collect { it[1] as int }
}
def first = collected(builds[0])
assert first.size() == 2 && first[0] == 1 && first[1] > 3 : "the goal did not collect app's dependencies: $first"
assert builds[1].contains('Arazzo sources are up to date, nothing to generate')
assert collected(builds[1]) == first : "the up-to-date build did not collect app's graph once: ${collected(builds[1])}"
return true
