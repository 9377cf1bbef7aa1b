def log = new File(basedir, 'build.log').text

assert log.contains('arazzo:generate')
assert log.contains('Generates typed Java clients from Arazzo workflow documents')
['specs', 'specDirectory', 'includes', 'excludes', 'packageName', 'packages', 'outputDirectory',
 'sourceMappings', 'warningsAsErrors', 'runtime', 'skip'].each { name ->
    assert log =~ /(?m)^    $name(?: |$)/ : "parameter $name is not described"
}
['arazzo.skip', 'arazzo.packageName', 'arazzo.warningsAsErrors', 'arazzo.outputDirectory', 'arazzo.specDirectory',
 'arazzo.runtime'].each {
    assert log.contains("User property: $it") : "user property $it is not shown"
}
assert log.contains('${project.build.directory}/generated-sources/arazzo')
assert log.contains('**/*.arazzo.yaml')
// Internal parameters stay out of the user's documentation.
assert !log.contains('stateDirectory')
return true
