// Bundled into an init script for the task pane test: installs fake Office/Excel globals before page scripts.
import { FakeWorkbookState, makeFakeOffice, type FakeOfficeOptions, type FakeSpec } from './fake-excel.ts';

declare global {
  interface Window {
    __FAKE_SPEC__: { workbook: FakeSpec; office?: FakeOfficeOptions };
    __fakeState: FakeWorkbookState;
  }
}

const spec = window.__FAKE_SPEC__;
const state = new FakeWorkbookState(spec.workbook);
const { Office, Excel } = makeFakeOffice(state, spec.office);
Object.assign(window, { Office, Excel, __fakeState: state });
