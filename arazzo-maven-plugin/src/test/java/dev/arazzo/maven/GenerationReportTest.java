package dev.arazzo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.GenerationResult.GeneratedFile;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenerationReportTest {

    private final Path basedir = Path.of("/work/project");
    private final Path pets = basedir.resolve("src/main/arazzo/pets.arazzo.yaml");
    private final Path shop = basedir.resolve("src/main/arazzo/shop.arazzo.yaml");
    private final Path out = basedir.resolve("target/generated-sources/arazzo/com/example");
    private final GenerationReport report = new GenerationReport(basedir);

    @Test
    void onePerSpecLineCountsWrittenAndUnchangedClasses() {
        GenerationResult result = new GenerationResult(List.of(
                new GeneratedFile(pets, out.resolve("AdoptPetWorkflow.java"), "com.example.AdoptPetWorkflow", true),
                new GeneratedFile(pets, out.resolve("ReturnPetWorkflow.java"), "com.example.ReturnPetWorkflow", false),
                new GeneratedFile(pets, out.resolve("FeedPetWorkflow.java"), "com.example.FeedPetWorkflow", true)),
                List.of(), List.of(), Set.of(pets));

        assertEquals(List.of(
                "src/main/arazzo/pets.arazzo.yaml: 2 classes written, 1 unchanged",
                "src/main/arazzo/shop.arazzo.yaml: 0 classes written, 0 unchanged"),
                report.perSpec(List.of(pets, shop), result));
    }

    @Test
    void oneLinePerWorkflowClassNamesItsFileButNotTheInlineSupport() {
        GenerationResult result = new GenerationResult(List.of(
                new GeneratedFile(pets, out.resolve("AdoptPetWorkflow.java"), "com.example.AdoptPetWorkflow", true),
                new GeneratedFile(pets, out.resolve("Transport.java"), "com.example.Transport", true),
                new GeneratedFile(pets, out.resolve("WorkflowException.java"), "com.example.WorkflowException", true),
                new GeneratedFile(shop, out.resolve("BuyWorkflow.java"), "com.example.BuyWorkflow", false)),
                List.of(), List.of(), Set.of(pets));

        assertEquals(List.of(
                "  com.example.AdoptPetWorkflow: target/generated-sources/arazzo/com/example/AdoptPetWorkflow.java",
                "  com.example.BuyWorkflow: target/generated-sources/arazzo/com/example/BuyWorkflow.java"),
                report.workflowClasses(result));
    }

    @Test
    void noDocumentsSaysWhatWasSearchedAndWhatToDo() {
        assertEquals("No Arazzo documents found: searched src/main/arazzo (which does not exist) for **/*.arazzo.yaml,"
                + " **/arazzo.yaml excluding drafts/**; list them in <specs>, point <specDirectory> at them, or set"
                + " <failIfNoSpecs>false</failIfNoSpecs>", report.noDocuments(basedir.resolve("src/main/arazzo"),
                List.of("**/*.arazzo.yaml", "**/arazzo.yaml"), List.of("drafts/**")));
    }

    @Test
    void theFailureMessageListsEveryErrorWithItsLocation() {
        GenerationResult result = new GenerationResult(List.of(), List.of(), List.of(
                Diagnostic.error("unknown-operation", new SourceLocation(pets, 12, 22, "/workflows/0/steps/0"),
                        "step 'getPet' names operation 'fetchPet', which no source defines"),
                Diagnostic.warning("unused-input", new SourceLocation(pets, 8, 9, "/workflows/0/inputs"), "unused"),
                Diagnostic.error("unknown-step", new SourceLocation(pets, 30, 15, "/workflows/0/outputs/name"),
                        "no step 'nope'")), Set.of(pets));

        assertEquals("2 errors in the Arazzo documents; nothing was generated:\n"
                + pets + ":12:22: error: [unknown-operation] step 'getPet' names operation 'fetchPet', which no source defines\n"
                + pets + ":30:15: error: [unknown-step] no step 'nope'", report.failure(result));
    }

    @Test
    void pathsOutsideTheProjectStayAbsolute() {
        assertEquals("/elsewhere/api.yaml", report.display(Path.of("/elsewhere/api.yaml")));
        assertEquals("target/generated-sources/arazzo/com/example/A.java", report.display(out.resolve("A.java")));
    }

    @Test
    void upToDateSaysThereIsNothingToGenerate() {
        assertEquals("Arazzo sources are up to date, nothing to generate (1 spec unchanged, 2 classes kept)",
                report.upToDate(1, 2));
    }
}
