// The dialogs of the care menu items: a message, or a yes/no question.

export function tell(text: string) {
  SpreadsheetApp.getUi().alert(text);
}

export function ask(title: string, text: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, text, ui.ButtonSet.YES_NO) === ui.Button.YES;
}
