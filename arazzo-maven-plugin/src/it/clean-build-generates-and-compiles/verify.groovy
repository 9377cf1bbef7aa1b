// A clean build generates the workflow class, registers the source root and compiles it.
def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'target/generated-sources/arazzo')
def workflow = new File(generated, 'com/example/pets/AdoptPetWorkflow.java')

assert workflow.isFile() : "no $workflow"
assert workflow.text.contains('class AdoptPetWorkflow')
// runtime=shared (the default): the generated code calls the arazzo-runtime jar; no support source is written.
assert workflow.text.contains('import dev.arazzo.runtime.Transport;')
assert !new File(generated, 'com/example/pets/Values.java').exists()
assert new File(basedir, 'target/classes/com/example/pets/AdoptPetWorkflow.class').isFile()
// The project's own class refers to the generated one: the folder was a compile source root.
assert new File(basedir, 'target/classes/com/example/app/Adoption.class').isFile()

def files = []
// the manifest of the files the generator wrote is not a class
generated.eachFileRecurse(groovy.io.FileType.FILES) { if (!it.name.startsWith('.arazzo-codegen-files')) files << it }
def summary = log =~ /src\/main\/arazzo\/pets\.arazzo\.yaml: (\d+) class(?:es)? written, 0 unchanged/
assert summary.find() : 'no per-spec summary in the log'
assert summary.group(1) as int == files.size()

def state = new File(basedir, 'target/arazzo-state/default.state')
assert state.isFile()
assert state.text.contains('output=com/example/pets/AdoptPetWorkflow.java')
assert state.text.contains('pets.openapi.yaml') : 'the OpenAPI document is not among the files read'
return true
