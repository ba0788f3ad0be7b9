import { useEffect } from 'react';
import { useUiStore } from '../../store/uiStore';
import { stepOnce, togglePlay } from './TimeControls';

export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  // Monaco takes keys through an EditContext element in Chromium (neither a textarea nor contentEditable).
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable || target.closest('.monaco-editor') !== null;
}

/** Space = play/pause, `.` = step, `?` = help, Esc = close the help or the inspector. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      const ui = useUiStore.getState();
      if (e.key === ' ') {
        // A focused button would also "click" on Space: the shortcut wins, once.
        e.preventDefault();
        togglePlay();
      } else if (e.key === '.') {
        e.preventDefault();
        stepOnce();
      } else if (e.key === '?') {
        e.preventDefault();
        ui.toggleHelp();
      } else if (e.key === 'Escape') {
        if (ui.helpOpen) ui.toggleHelp(false);
        else ui.select(undefined);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
