package dev.cganstudio.cli;

/** Entry point of the {@code cgan} command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CganCommand.execute(args));
    }
}
