import { Routes } from '@angular/router';
import { prefetchPage } from './prefetch-page';

describe('prefetchPage', () => {
  const page = (name: string) => jasmine.createSpy(name).and.resolveTo(class {});
  const routes = () => {
    const loads = { diarise: page('diarise'), receipt: page('receipt'), file: page('file'), inbox: page('inbox') };
    const config: Routes = [
      { path: 'login', component: class {} },
      {
        path: 'eoffice',
        children: [
          { path: 'receipts/diarise', loadComponent: loads.diarise },
          { path: 'receipts/inbox', loadComponent: loads.inbox },
          { path: 'files/:fileId', loadComponent: loads.file },
          { path: 'receipts/:receiptId', loadComponent: loads.receipt }
        ]
      }
    ];
    return { loads, config };
  };

  it('loads the page the address names, a parameter matching any id', async () => {
    const { loads, config } = routes();
    await prefetchPage(config, '#/eoffice/files/abc-123?tab=notes');
    expect(loads.file).toHaveBeenCalledTimes(1);
    expect(loads.receipt).not.toHaveBeenCalled();
  });

  it('takes the first route that matches, as the router does', async () => {
    const { loads, config } = routes();
    await prefetchPage(config, '#/eoffice/receipts/diarise');
    expect(loads.diarise).toHaveBeenCalledTimes(1);
    expect(loads.receipt).not.toHaveBeenCalled();
  });

  it('loads nothing for an address without a lazy page, or a partial one', () => {
    const { loads, config } = routes();
    expect(prefetchPage(config, '#/login')).toBeUndefined();
    expect(prefetchPage(config, '#/eoffice')).toBeUndefined();
    expect(prefetchPage(config, '')).toBeUndefined();
    expect(prefetchPage(config, '#/eoffice/files/a/b')).toBeUndefined();
    expect(Object.values(loads).some((load) => load.calls.count() > 0)).toBeFalse();
  });

  it('keeps a failed load to itself (the router reports it when it loads the page)', async () => {
    const config: Routes = [{ path: 'x', loadComponent: () => Promise.reject(new Error('offline')) }];
    await expectAsync(prefetchPage(config, '#/x') as Promise<unknown>).toBeResolved();
  });
});
