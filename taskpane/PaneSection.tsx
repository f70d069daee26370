/**
 * The frame of a pane panel that runs one action on the workbook ("Check this Excel",
 * "Arrows on the sheet"): a titled section with a line of explanation and the action's
 * button (disabled while it runs), then what the panel shows of the run; and the alert a
 * failed run shows.
 */
import type { ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

export interface PaneSectionProps {
  readonly title: string;
  readonly intro: string;
  /** The button's label, whether the action is running, and what a click starts. */
  readonly action: string;
  readonly busy: boolean;
  readonly onAction: () => void;
  readonly children: ReactNode;
}

export function PaneSection({ title, intro, action, busy, onAction, children }: PaneSectionProps) {
  const styles = useStyles();
  return (
    <section aria-label={title} className={styles.panel}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      <Text block>{intro}</Text>
      <div>
        <Button appearance="secondary" disabled={busy} onClick={onAction}>
          {action}
        </Button>
      </div>
      {children}
    </section>
  );
}

/** What went wrong, as an alert: a title and the error's message. */
export function FailureBar({ title, message }: { readonly title: string; readonly message: string }) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
