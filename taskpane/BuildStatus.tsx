/** The outcome of the last action: progress while writing, then the result or the error. */
import { MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text } from '@fluentui/react-components';
import type { Strings } from './strings';

export type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly done: number; readonly total: number; readonly label?: string }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'error'; readonly title: string; readonly message: string };

export function BuildStatus({ status, strings }: { readonly status: Status; readonly strings: Strings }) {
  switch (status.kind) {
    case 'idle':
      return null;
    case 'busy':
      return (
        <div role="status" aria-live="polite">
          <ProgressBar value={status.total > 0 ? status.done / status.total : undefined} thickness="large" />
          <Text size={200}>{status.label ?? strings.building(status.done, status.total)}</Text>
        </div>
      );
    case 'done':
      return (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      );
    case 'error':
      return (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{status.title}</MessageBarTitle>
            {status.message}
          </MessageBarBody>
        </MessageBar>
      );
  }
}
