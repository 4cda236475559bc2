/**
 * IPC channel names. The preload repeats these literals (it may import nothing but electron);
 * test/unit/electron-shell.test.ts checks that the two agree.
 */
export const IPC_INVOKE = 'ccp:invoke';
export const IPC_DIALOG_OPEN = 'ccp:dialog-open';
export const IPC_DIALOG_SAVE = 'ccp:dialog-save';
/** Prints the calling window to a PDF the user names in a save dialog. */
export const IPC_PRINT_PDF = 'ccp:print-pdf';
/** main → renderer, one way: a MenuCommand id. */
export const IPC_MENU_COMMAND = 'ccp:menu-command';
