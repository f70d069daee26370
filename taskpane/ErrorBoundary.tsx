/**
 * Keeps one panel's failure inside that panel. Without a boundary, an exception thrown
 * while rendering (a state_dict that breaks a computation, a bug) makes React unmount
 * the whole pane, which stays blank until the add-in is reloaded. Here the failing panel
 * is replaced by a message naming it and what failed, with a button that renders it
 * again; the other panels keep working.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { GuardStrings } from './guard-strings';

interface Props {
  /** The panel's name in the pane's language ("build panel"). */
  readonly panel: string;
  readonly strings: GuardStrings;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** What failed, in one readable line (a message can be arbitrarily long). */
function describe(error: Error): string {
  const text = error.message || error.name || String(error);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.panel} failed`, error, info.componentStack);
  }

  private readonly retry = (): void => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const s = this.props.strings;
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{s.panelFailed(this.props.panel)}</MessageBarTitle>
          <div>{describe(error)}</div>
          <div>{s.panelFailedHint}</div>
          <Button size="small" onClick={this.retry}>
            {s.tryAgain}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
}
