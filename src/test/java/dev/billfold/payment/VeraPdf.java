package dev.billfold.payment;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF's PDF/A-2B validation, run in a JVM of its own: veraPDF reads its profiles with javax JAXB, and the
 * application's class path has the Jakarta JAXB 4 runtime under the same coordinates, so the child JVM puts the javax
 * runtime that Maven copied to {@code target/verapdf} first (DD-098).
 */
public final class VeraPdf {

    private static final Path JAXB = Path.of("target/verapdf/verapdf-jaxb-impl.jar");

    private VeraPdf() {
    }

    /** The PDF/A-2B rules the document breaks, "clause-test message at where"; empty when veraPDF accepts it. */
    public static List<String> failures(byte[] pdf) throws IOException, InterruptedException {
        if (!Files.isReadable(JAXB)) {
            throw new IllegalStateException(JAXB + " is missing: run the build's generate-test-resources phase");
        }
        Path file = Files.createTempFile("pdfa-", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", JAXB + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                    VeraPdf.class.getName(), file.toString()).redirectErrorStream(false).start();
            String out;
            try (InputStream stdout = process.getInputStream()) {
                out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("veraPDF did not finish");
            }
            List<String> lines = out.lines().toList();
            if (lines.isEmpty() || !lines.getLast().startsWith("compliant=")) {
                throw new IllegalStateException("veraPDF gave no verdict (exit " + process.exitValue() + "): " + out
                        + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            List<String> failed = lines.subList(0, lines.size() - 1);
            if (lines.getLast().equals("compliant=false") && failed.isEmpty()) {
                return List.of("not compliant, no rule named");
            }
            return failed;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** In the child JVM: prints each failed rule, then {@code compliant=true|false}. */
    public static void main(String[] files) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new FileInputStream(files[0]),
                PDFAFlavour.PDFA_2_B)) {
            ValidationResult result = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)
                    .validate(parser);
            var failed = new ArrayList<String>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    failed.add(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + " "
                            + assertion.getMessage() + " at " + assertion.getLocation().getContext());
                }
            }
            failed.forEach(System.out::println);
            System.out.println("compliant=" + result.isCompliant());
        }
    }
}
