/** Practice mode and learning aids: pure logic over a WorkbookHost, no Office and no DOM. */
export type { ActionKind, ActionOptions, ActionResult } from './action';
export {
  checkAndMark,
  checkPractice,
  closeEnough,
  ParamCellError,
  RIGHT_FILL,
  WRONG_FILL,
  type CellVerdict,
  type CheckResult,
  type Verdict,
} from './checker';
export { createPracticeSheet } from './create';
export { describeAction } from './describe';
export { explainCell, type CellExplanation, type FeedValue } from './explain';
export { fillNextStep } from './fill-next-step';
export { OutsideAnswersError, restrictToAnswers } from './guard';
export { hintFor, type Hint } from './hint';
export {
  DIFFICULTIES,
  readStoredSheet,
  type Difficulty,
  type PracticeMetadata,
  type StoredSheet,
} from './metadata';
export { makePracticePlan, type PracticeSheet } from './practice-plan';
export { resetPractice } from './reset';
export { reveal } from './reveal';
