import { json } from '@codemirror/lang-json';
import { type Diagnostic, linter, setDiagnostics } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
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
}

/** The scenario's JSON in CodeMirror 6, with the checker's problems marked in the text. */
export const SourceEditor = forwardRef<SourceEditorHandle, SourceEditorProps>(function SourceEditor(
  { text, label, problems, onChange },
  ref,
) {
  const host = useRef<HTMLDivElement>(null);
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

  // Text replaced from outside (New, Open): put it in the editor, unless it is what the editor holds.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === text) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
  }, [text]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const length = editor.state.doc.length;
    const diagnostics: Diagnostic[] = problems.map((p) => {
      const from = Math.min(p.from, length);
      return { from, to: Math.min(from + 1, length), severity: p.severity, message: p.line };
    });
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [problems]);

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
