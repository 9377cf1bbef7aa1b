// The README's quick start, pasted as a new user would: its pom block becomes pom.xml, its Java block
// src/main/java/com/example/Main.java. Both are taken literally from between their markers.
def readme = new File(basedir, '../../../../README.md')
assert readme.isFile() : "no README at $readme"
def text = readme.getText('UTF-8')

def block = { String name, String language ->
    def matcher = text =~ /(?s)<!-- ${name}:start -->\s*```${language}\n(.*?)```\s*<!-- ${name}:end -->/
    assert matcher.find() : "README.md has no ```${language} block between <!-- ${name}:start --> and <!-- ${name}:end -->"
    matcher.group(1)
}

def pom = block('minimal-pom', 'xml')
assert pom.contains("<arazzo.version>${projectVersion}</arazzo.version>") : \
        "the README's pom does not set arazzo.version to this build's version, ${projectVersion}"
new File(basedir, 'pom.xml').setText(pom, 'UTF-8')

def main = new File(basedir, 'src/main/java/com/example/Main.java')
main.parentFile.mkdirs()
main.setText(block('minimal-main', 'java'), 'UTF-8')
return true
