package dev.failforward.cli;

import dev.failforward.progress.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** Shows progress on the terminal as a bar, or as one line per stage when output is not a terminal. */
final class TerminalProgress implements Progress {

    private final PrintStream err;
    private final boolean interactive;
    private ProgressBar bar;

    TerminalProgress(PrintStream err) {
        this.err = err;
        this.interactive = System.console() != null;
    }

    @Override
    public void start(String stage, long steps) {
        finish();
        if (interactive) {
            bar = new ProgressBarBuilder().setTaskName(stage).setInitialMax(Math.max(1, steps))
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
                    .continuousUpdate().build();
        } else {
            err.println(stage + " ...");
        }
    }

    @Override
    public void advance(long steps) {
        if (bar != null) {
            bar.stepBy(steps);
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.stepTo(bar.getMax());
            bar.close();
            bar = null;
        }
    }
}
