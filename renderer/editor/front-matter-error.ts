/**
 * Marks malformed front matter where it is wrong: the line the YAML parser
 * complained about gets a wavy underline and the parser's message beside it.
 * The preview still renders; fed from the pipeline's metadata after a render.
 */
import { StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import { safeDecorations } from './safe-decorations';

export interface FrontMatterProblem {
  /** 0-based source line. */
  line: number;
  message: string;
}

export const setFrontMatterProblem = StateEffect.define<FrontMatterProblem | null>();

class MessageWidget extends WidgetType {
  constructor(readonly message: string) {
    super();
  }
  override eq(other: MessageWidget): boolean {
    return other.message === this.message;
  }
  toDOM(): HTMLElement {
    const note = document.createElement('span');
    note.className = 'cm-front-matter-message';
    note.setAttribute('role', 'note');
    note.textContent = `Front matter: ${this.message}`;
    return note;
  }
}

function decorate(problem: FrontMatterProblem | null, state: EditorState): DecorationSet {
  const { doc } = state;
  if (!problem || problem.line + 1 > doc.lines) return Decoration.none;
  return safeDecorations('Front matter error', state, 'field', () => {
    const line = doc.line(problem.line + 1);
    return [
      Decoration.line({ class: 'cm-front-matter-error', attributes: { title: problem.message } }).range(line.from),
      Decoration.widget({ widget: new MessageWidget(problem.message), side: 1 }).range(line.to),
    ];
  });
}

const problemField = StateField.define<{ problem: FrontMatterProblem | null; decorations: DecorationSet }>({
  create: () => ({ problem: null, decorations: Decoration.none }),
  update(value, tr) {
    for (const effect of tr.effects) {
      if (effect.is(setFrontMatterProblem)) return { problem: effect.value, decorations: decorate(effect.value, tr.state) };
    }
    return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.changes) } : value;
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
});

/** The problem this editor state shows (each new state starts with none). */
export function frontMatterProblemIn(state: EditorState): FrontMatterProblem | null {
  return state.field(problemField, false)?.problem ?? null;
}

const theme = EditorView.baseTheme({
  '.cm-front-matter-error': {
    textDecoration: 'underline wavy #c0392b',
    textDecorationSkipInk: 'none',
    textUnderlineOffset: '0.2em',
  },
  '.cm-front-matter-message': {
    marginLeft: '0.75em',
    padding: '0 0.4em',
    borderRadius: '4px',
    fontFamily: 'var(--ui-font, system-ui, sans-serif)',
    fontSize: '0.75em',
    color: '#fff',
    backgroundColor: '#c0392b',
  },
});

/** Shows the YAML error reported by the pipeline on its line. */
export function frontMatterErrors(): Extension {
  return [problemField, theme];
}
