import { useTranslation } from 'react-i18next';
import { useGuideStore } from '../../store/guideStore';
import { useUiStore } from '../../store/uiStore';

/** Every panel on the screen and what it is for, the keyboard shortcuts, and the welcome again. Opened with `?`. */
const PANELS = ['canvas', 'editor', 'console', 'failures', 'inspector', 'events', 'lessons', 'scenarios', 'time', 'journey'] as const;

export function HelpOverlay() {
  const { t } = useTranslation();
  const open = useUiStore((s) => s.helpOpen);
  const toggleHelp = useUiStore((s) => s.toggleHelp);
  if (!open) return null;
  const rows: [string, string][] = [
    ['Space', t('help.playPause')],
    ['.', t('help.step')],
    ['[', t('timeline.previous')],
    [']', t('timeline.next')],
    ['?', t('help.help')],
    ['Esc', t('help.close')],
  ];
  const showWelcome = () => {
    toggleHelp(false);
    useGuideStore.getState().openWelcome();
  };
  return (
    <div className="overlay" onClick={() => toggleHelp(false)}>
      <div className="dialog help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">{t('help.title')}</h2>
        <p>{t('help.intro')}</p>
        <h3>{t('guide.panelsTitle')}</h3>
        <dl className="help-panels">
          {PANELS.map((p) => (
            <div key={p} className="help-panel">
              <dt>{t(`guide.panels.${p}.name`)}</dt>
              <dd>{t(`guide.panels.${p}.what`)}</dd>
            </div>
          ))}
        </dl>
        <h3>{t('guide.shortcutsTitle')}</h3>
        <table className="shortcut-table">
          <tbody>
            {rows.map(([key, what]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="welcome-actions">
          <button type="button" className="btn btn-primary" onClick={() => toggleHelp(false)} autoFocus>
            {t('help.closeButton')}
          </button>
          <button type="button" className="btn" onClick={showWelcome}>
            {t('guide.showWelcome')}
          </button>
        </div>
      </div>
    </div>
  );
}
