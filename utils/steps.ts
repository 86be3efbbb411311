// Long work written once, as a generator that yields where it may pause, and run either all at once (pure
// callers, tests) or a step per task (first load of a long section, so the page keeps answering).

export type Steps<T> = Generator<void, T, void>;

/** A new task: lets the page handle input and paint before the next step. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function runAll<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function runInTasks<T>(steps: Steps<T>, nextTask: () => Promise<void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTask();
  }
}
