import java.util.zip.ZipFile
import javax.xml.parsers.DocumentBuilderFactory
import org.w3c.dom.Element

// The plugin as installed (the it-repo-plugin execution installs what `mvn install` would: the shaded jar and the
// dependency-reduced pom).
def repo = localRepositoryPath as File
def dir = new File(repo, "dev/arazzo/arazzo-maven-plugin/$projectVersion")
def pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(dir, "arazzo-maven-plugin-${projectVersion}.pom")).documentElement
def children = { Element parent, String name ->
    (0..<parent.childNodes.length).collect { parent.childNodes.item(it) }
            .findAll { it instanceof Element && it.tagName == name }
}
def text = { Element parent, String name -> children(parent, name).collect { it.textContent.trim() }.join('') }

assert text(pom, 'packaging') == 'maven-plugin'
def declared = children(pom, 'dependencies').collectMany { children(it, 'dependency') }
def resolved = declared.findAll { !(text(it, 'scope') in ['provided', 'test']) }
assert resolved.isEmpty() : "the installed plugin pom declares dependencies Maven resolves for the plugin: " +
        resolved.collect { "${text(it, 'groupId')}:${text(it, 'artifactId')}:${text(it, 'scope')}" }

def jar = new ZipFile(new File(dir, "arazzo-maven-plugin-${projectVersion}.jar"))
try {
    ['dev/arazzo/maven/GenerateMojo.class', 'dev/arazzo/codegen/ArazzoCodegen.class',
     'io/swagger/v3/parser/OpenAPIV3Parser.class', 'io/swagger/v3/parser/converter/SwaggerConverter.class',
     'com/networknt/schema/ExecutionConfig.class', 'net/sf/saxon/s9api/Processor.class',
     'com/fasterxml/jackson/databind/ObjectMapper.class', 'META-INF/maven/plugin.xml',
     // the licences of the MPL-2.0 libraries, kept
     'META-INF/third-party/Saxon-HE/LICENSE.txt', 'META-INF/third-party/rhino-1.7.15.1-jar/META-INF/LICENSE.txt'
    ].each { assert jar.getEntry(it) != null : "the plugin jar lacks $it" }
    // Maven gives every plugin its own slf4j-api
    assert jar.entries().toList().every { !it.name.startsWith('org/slf4j/') } : 'the plugin jar carries slf4j-api'
    // swagger-parser finds its Swagger 2.0 converter and parsers, Jackson its YAML factory, through ServiceLoader: the
    // services files of several jars are merged, not one of them kept
    def services = { String name ->
        def entry = jar.getEntry("META-INF/services/$name")
        assert entry != null : "the plugin jar has no services file $name"
        jar.getInputStream(entry).text.readLines()*.trim().findAll { it && !it.startsWith('#') }
    }
    assert services('io.swagger.v3.parser.core.extensions.SwaggerParserExtension')
            .contains('io.swagger.v3.parser.converter.SwaggerConverter')
    assert services('io.swagger.parser.SwaggerParserExtension')
            .containsAll(['io.swagger.parser.Swagger20Parser', 'io.swagger.parser.SwaggerCompatConverter'])
    assert services('com.fasterxml.jackson.core.JsonFactory').containsAll(
            ['com.fasterxml.jackson.core.JsonFactory', 'com.fasterxml.jackson.dataformat.yaml.YAMLFactory'])
} finally {
    jar.close()
}

// What Maven resolved for the plugin: its one jar first in the realm, nothing else but the plexus-utils 1.1 that
// Maven 3.8 adds to every plugin not depending on plexus-utils (3.9 no longer does; the jar's own plexus-utils,
// plexus-build-api's, comes first).
def log = new File(basedir, 'build.log').text
def realm = log.readLines().dropWhile { !(it =~ /Populating class realm plugin>dev\.arazzo:arazzo-maven-plugin/) }
assert !realm.isEmpty() : 'no class realm of the plugin in the -X log'
def included = realm.drop(1).takeWhile { it =~ /^\[DEBUG\]\s+Included: / }
        .collect { it.replaceFirst(/^\[DEBUG\]\s+Included: /, '').trim() }
assert included[0] == "dev.arazzo:arazzo-maven-plugin:jar:$projectVersion" : included
assert included.drop(1).every { it == 'org.codehaus.plexus:plexus-utils:jar:1.1' } : included
return true
