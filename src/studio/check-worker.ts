/// <reference lib="webworker" />
import { checkSource } from './check-source.ts';
import type { CheckRequest, CheckResponse } from './source-checker.ts';

/** The checker, off the main thread: each request's text checked, answered with its number. */
self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { id, text, file } = event.data;
  const response: CheckResponse = { id, check: checkSource(text, file) };
  self.postMessage(response);
};
