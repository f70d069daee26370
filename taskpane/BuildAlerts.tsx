/** The form's two alerts: the host cannot build at all, or the builder refuses this config. */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { HostSupport } from '../src/host/host';
import type { Strings } from './strings';

const useStyles = makeStyles({
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function SupportAlert({ support, strings }: { support: HostSupport; strings: Strings }) {
  if (support.ok) return null;
  return (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{strings.unsupported}</MessageBarTitle>
        {support.message}
      </MessageBarBody>
    </MessageBar>
  );
}

export function ProblemsAlert({ problems, strings }: { problems: readonly string[]; strings: Strings }) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{strings.cannotBuild}</MessageBarTitle>
        <ul className={styles.problems}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
