import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/uiStore';

/** The keyboard shortcuts, opened with `?`. */
export function HelpOverlay() {
  const { t } = useTranslation();
  const open = useUiStore((s) => s.helpOpen);
  const toggleHelp = useUiStore((s) => s.toggleHelp);
  if (!open) return null;
  const rows: [string, string][] = [
    ['Space', t('help.playPause')],
    ['.', t('help.step')],
    ['?', t('help.help')],
    ['Esc', t('help.close')],
  ];
  return (
    <div className="overlay" onClick={() => toggleHelp(false)}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">{t('help.title')}</h2>
        <p>{t('help.intro')}</p>
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
        <button type="button" className="btn btn-primary" onClick={() => toggleHelp(false)} autoFocus>
          {t('help.closeButton')}
        </button>
      </div>
    </div>
  );
}
