import { z } from "zod";

/**
 * Optional questions staff can ask when someone registers (e.g. "What would you like the speakers to
 * cover?"). Answers are optional, so registering stays one click. Shared by server and browser code.
 */
export interface RegistrationQuestion {
  /** Stable within a webinar: answers are stored by it. */
  id: string;
  label: string;
}

export const MAX_QUESTIONS = 3;
export const MAX_ANSWER_LENGTH = 1000;

const questionsSchema = z.array(z.object({ id: z.string(), label: z.string() }));

export function parseQuestions(json: string): RegistrationQuestion[] {
  const parsed = questionsSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

/** Questions from the staff form's text boxes ("question1" …); empty boxes are left out. */
export function questionsFromLabels(labels: Array<string | undefined>): RegistrationQuestion[] {
  return labels
    .map((label) => label?.trim() ?? "")
    .flatMap((label, index) => (label ? [{ id: `q${index + 1}`, label }] : []));
}

export function parseAnswers(json: string): Record<string, string> {
  const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : {};
}

/** The answer field's name in the registration form. */
export function answerFieldName(question: RegistrationQuestion): string {
  return `answer-${question.id}`;
}
