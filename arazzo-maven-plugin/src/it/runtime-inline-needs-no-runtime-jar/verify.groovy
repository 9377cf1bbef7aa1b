// runtime=inline: the support classes the workflow needs are written next to it and compiled with it;
// the project depends on jackson-databind only.
def generated = new File(basedir, 'target/generated-sources/arazzo/com/example/pets')
def workflow = new File(generated, 'AdoptPetWorkflow.java')

assert workflow.isFile() : "no $workflow"
assert !workflow.text.contains('dev.arazzo.runtime')
['Values', 'Transport', 'StepRequest', 'HttpExchange', 'Credentials', 'JsonValue', 'RequestInterceptor',
 'WorkflowListener', 'WorkflowException', 'StepFailedException', 'WorkflowTransportException',
 'JsonPathSupport'].each { type ->
    def source = new File(generated, "${type}.java")
    assert source.isFile() : "no $source"
    assert source.text.startsWith('package com.example.pets;')
    assert source.text.contains('// Do not edit; it is written again at every generation.')
    assert new File(basedir, "target/classes/com/example/pets/${type}.class").isFile()
}
// no xpath criterion of XPath 2.0 or later: no Saxon support
assert !new File(generated, 'XPathSupport.java').exists()
assert new File(basedir, 'target/classes/com/example/app/Adoption.class').isFile()
return true
