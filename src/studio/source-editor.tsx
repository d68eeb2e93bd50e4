import { json } from '@codemirror/lang-json';
import { type Diagnostic, linter, setDiagnostics } from '@codemirror/lint';
import { Compartment } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import type { Problem } from './check-source.ts';

/** What the studio asks of the editor: go to a place in the text. */
export interface SourceEditorHandle {
  /** Moves the cursor to a character offset, scrolls it into view and focuses the editor. */
  focusAt(offset: number): void;
}

interface SourceEditorProps {
  readonly text: string;
  /** The name the editor is announced by. */
  readonly label: string;
  readonly problems: readonly Problem[];
  readonly onChange: (text: string) => void;
  /** While hidden (the form shows), text and problems wait: they are put in when it shows again. */
  readonly hidden?: boolean;
}

/** The scenario's JSON in CodeMirror 6, with the checker's problems marked in the text. */
export const SourceEditor = forwardRef<SourceEditorHandle, SourceEditorProps>(function SourceEditor(
  { text, label, problems, onChange, hidden = false },
  ref,
) {
  const host = useRef<HTMLDivElement>(null);
  // Where the schema's completion goes once loaded.
  const completion = useRef(new Compartment());
  const view = useRef<EditorView | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  // The editor is made once, with the first text; later text from outside is dispatched below.
  const first = useRef({ text, label });

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      doc: first.current.text,
      parent: host.current,
      extensions: [
        basicSetup,
        json(),
        completion.current.of([]),
        // Problems come from the studio's checker; the lint extension only draws them.
        linter(null),
        EditorView.lineWrapping,
        // tabindex: an editable region is focusable, said so plainly for tools that look for it (axe).
        EditorView.contentAttributes.of({ 'aria-label': first.current.label, tabindex: '0' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) change.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  // Completion from the format's JSON Schema, loaded the first time the source shows (see schema-completion.ts).
  const completionAsked = useRef(false);
  useEffect(() => {
    if (hidden || completionAsked.current) return;
    completionAsked.current = true;
    void import('./schema-completion.ts').then(({ schemaCompletion }) =>
      view.current?.dispatch({ effects: completion.current.reconfigure(schemaCompletion) }),
    );
  }, [hidden]);

  // Text changed from outside (New, Open, the form): put it in the editor, unless it is what the editor
  // holds. Only the part that differs is replaced, so a form's keystroke is one small edit here (quick
  // to parse again, and one step of undo) rather than a whole new document.
  // A layout effect: the text is in before anything (focusAt) reaches for it.
  useLayoutEffect(() => {
    const editor = view.current;
    if (!editor || hidden) return;
    const held = editor.state.doc.toString();
    if (held === text) return;
    editor.dispatch({ changes: changedRange(held, text) });
  }, [text, hidden]);

  useLayoutEffect(() => {
    const editor = view.current;
    if (!editor || hidden) return;
    const length = editor.state.doc.length;
    const diagnostics: Diagnostic[] = problems.map((p) => {
      const from = Math.min(p.from, length);
      return { from, to: Math.min(from + 1, length), severity: p.severity, message: p.line };
    });
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [problems, hidden]);

  useImperativeHandle(ref, () => ({
    focusAt(offset) {
      const editor = view.current;
      if (!editor) return;
      const at = Math.min(offset, editor.state.doc.length);
      editor.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      editor.focus();
    },
  }));

  return <div ref={host} className="studio-editor" />;
});

/** The one range of `before` to replace to make `after`: what lies between their common start and end. */
export function changedRange(before: string, after: string): { from: number; to: number; insert: string } {
  const most = Math.min(before.length, after.length);
  let start = 0;
  while (start < most && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < most - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end))
    end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
