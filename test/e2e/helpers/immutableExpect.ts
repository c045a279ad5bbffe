import { expect } from 'vitest';
import type { UpdateReport } from './immutableRunner.js';

/**
 * kubepatch and the server agree on every update, every update was otherwise valid (so the
 * comparison covered it), and the updates both passed and failed (so it tested something).
 */
export function expectAgreement(report: UpdateReport): void {
  expect(report.disagreements).toEqual([]);
  expect(report.otherwiseInvalid).toEqual([]);
  expect(report.accepted).toBeGreaterThan(0);
  expect(report.refused).toBeGreaterThan(0);
}
