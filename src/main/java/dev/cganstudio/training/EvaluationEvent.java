package dev.cganstudio.training;

/**
 * A judgement of the generator in the middle of an epoch, asked for with
 * {@link TrainingOptions#evaluateEverySteps()} to see when quality is reached.
 *
 * @param epoch the epoch being trained
 * @param step the global step reached
 * @param trainingSeconds wall time since the run (or resume) began less the time spent judging: steps,
 *     checks, grids and saves
 * @param wallSeconds wall time since the first step of this session, judging included
 * @param accuracy the judge's accuracy on generated digits
 * @param macroF1 macro F1 of the judge's verdicts
 * @param frechetDistance Fréchet distance of judge features to the real test digits
 * @param variety mean within-label feature distance per label
 */
public record EvaluationEvent(int epoch, long step, double trainingSeconds, double wallSeconds, double accuracy,
                              double macroF1, double frechetDistance, double[] variety) {
}
