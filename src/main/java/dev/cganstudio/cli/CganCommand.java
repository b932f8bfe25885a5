package dev.cganstudio.cli;

import dev.cganstudio.data.IdxFormatException;
import dev.cganstudio.data.MnistUnavailableException;
import dev.cganstudio.model.ModelFileException;
import dev.cganstudio.training.OutputFolderException;
import dev.cganstudio.training.TrainingDivergedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code cgan} command: one subcommand per verb. */
@Command(name = "cgan", mixinStandardHelpOptions = true, version = "cGAN Studio 0.1.0",
        description = "Train, watch and use a conditional GAN on handwritten digits (MNIST).",
        footer = {"", "cgan studio opens the desktop studio (needs a display)."},
        subcommands = {TrainCommand.class, GenerateCommand.class, EvaluateCommand.class, ClassifyCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class CganCommand implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CganCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for tests that want its output. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CganCommand());
        commandLine.setExecutionExceptionHandler(CganCommand::handle);
        commandLine.setParameterExceptionHandler(CganCommand::refuse);
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected a verb (train, generate, evaluate, "
                + "classify, bench, studio), found none");
    }

    /**
     * A bad option: the reason and where to read more, without picocli's default of the whole
     * usage text, whose forty lines pushed the one line that matters off the screen.
     */
    private static int refuse(CommandLine.ParameterException bad, String[] args) {
        CommandLine commandLine = bad.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getColorScheme().errorText(bad.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(bad, err);
        err.println("See '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int handle(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        int code = codeOf(failure);
        String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        err.println(commandLine.getColorScheme().errorText("cgan " + commandLine.getCommandName() + ": " + message));
        if (code == ExitCodes.FAILURE) {
            LOG.error("unexpected failure", failure);
        } else {
            LOG.debug("failure", failure);
        }
        err.flush();
        return code;
    }

    private static int codeOf(Exception failure) {
        if (failure instanceof TrainingDivergedException) {
            return ExitCodes.DIVERGED;
        }
        if (failure instanceof ModelFileException) {
            return ExitCodes.MODEL_FILE;
        }
        if (failure instanceof OutputFolderException) {
            return ExitCodes.OUTPUT;
        }
        if (failure instanceof IdxFormatException || failure instanceof MnistUnavailableException) {
            return ExitCodes.DATA;
        }
        if (failure instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILURE;
    }
}
