// Two executions share one output folder: each keeps its own state, neither deletes the other's class.
def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'target/generated-sources/arazzo/com/example')

['dogs', 'cats'].each { pkg ->
    def workflow = new File(generated, "$pkg/AdoptPetWorkflow.java")
    assert workflow.isFile() : "no $workflow"
    assert workflow.text.contains("package com.example.$pkg;")
    assert new File(basedir, "target/classes/com/example/$pkg/AdoptPetWorkflow.class").isFile()
    def state = new File(basedir, "target/arazzo-state/${pkg}.state")
    assert state.isFile()
    assert state.text.contains("output=com/example/$pkg/AdoptPetWorkflow.java")
}
assert new File(basedir, 'target/classes/com/example/app/Shelter.class').isFile()
// First build: both generate. Second build: both up to date, nothing deleted.
assert (log =~ /pets\.arazzo\.yaml: \d+ class(?:es)? written/).count == 2
assert (log =~ /nothing to generate/).count == 2
assert !log.contains('Deleted')
return true
