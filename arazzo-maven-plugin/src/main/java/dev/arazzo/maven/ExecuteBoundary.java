package dev.arazzo.maven;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The boundary of the goal's {@code execute()}: whatever the generator or the file system throws, the build
 * gets a {@link MojoFailureException} with one sentence that says where, and the stack trace goes to the
 * debug log only ({@code mvn -X}).
 */
final class ExecuteBoundary {

    /** The work of the goal, with the exceptions Maven knows. */
    interface Work {
        void run() throws MojoExecutionException, MojoFailureException;
    }

    /** The longest part of a message that comes from an exception. */
    private static final int MAX_DETAIL = 300;

    private ExecuteBoundary() {
    }

    /**
     * Runs {@code work}; its own Maven exceptions pass, any other {@link Throwable} becomes a failure naming
     * {@code where} (the documents being generated), with the thread's interrupt flag kept.
     */
    static void run(Log log, String where, Work work) throws MojoExecutionException, MojoFailureException {
        try {
            work.run();
        } catch (MojoExecutionException | MojoFailureException e) {
            throw e;
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (log.isDebugEnabled()) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                log.debug(trace.toString());
            }
            throw new MojoFailureException("Arazzo code generation failed on " + where + ": " + describe(e)
                    + "; this is a bug in the generator, please report it with the document (mvn -X shows the "
                    + "stack trace)");
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ");
        String described = e.getClass().getSimpleName() + message;
        return described.length() <= MAX_DETAIL ? described : described.substring(0, MAX_DETAIL) + "...";
    }
}
