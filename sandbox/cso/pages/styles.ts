// A compact imitation of ExtJS's Neptune theme, enough for the pages to look like CStoreOffice.
export const SHELL_CSS = `
*{box-sizing:border-box}body{margin:0;font:13px/1.4 "Open Sans",Helvetica,Arial,sans-serif;color:#404040;background:#f5f5f5}
a{color:#157fcc}.x-viewport{min-height:100vh;display:flex;flex-direction:column}
.x-app-header{background:#157fcc;color:#fff;display:flex;align-items:center;gap:16px;padding:8px 16px}
.x-app-header .cso-logo{font-weight:700;font-size:18px;letter-spacing:.3px}.x-app-header .cso-user{margin-left:auto}
.x-app-header a{color:#fff}
.x-toolbar{display:flex;gap:4px;align-items:center;padding:6px 8px;background:#fff;border-bottom:1px solid #d0d0d0;position:relative}
.x-btn{display:inline-flex;align-items:center;padding:4px 10px;border:1px solid #d8d8d8;border-radius:3px;background:#f6f6f6;color:#404040;cursor:pointer;text-decoration:none;font:inherit}
.x-btn:hover,.x-btn:focus{background:#e4eef8;border-color:#157fcc}.x-btn-default-small{background:#3892d4;border-color:#126daf;color:#fff}
.x-menu{position:absolute;top:100%;z-index:20;background:#fff;border:1px solid #d0d0d0;box-shadow:0 3px 8px rgba(0,0,0,.2);min-width:180px;padding:2px 0}
.x-menu[hidden]{display:none}.x-menu-item-link{display:block;padding:5px 14px;color:#404040;text-decoration:none}.x-menu-item-link:hover{background:#e4eef8}
.x-main{padding:16px;flex:1}.x-panel{background:#fff;border:1px solid #d0d0d0;margin-bottom:16px}
.x-panel-header{background:#157fcc;color:#fff;padding:8px 12px}.x-title-text{font-weight:700;font-size:15px}
.x-panel-body{padding:12px}.x-form-item{display:flex;align-items:center;gap:8px;margin:4px 0}
.x-form-item-label{min-width:70px}.x-form-trigger-wrap{display:flex;border:1px solid #cecece;background:#fff}
.x-form-text{border:0;padding:4px 6px;font:inherit;min-width:240px}.x-form-trigger{width:22px;cursor:pointer;background:#f0f0f0;border-left:1px solid #cecece;text-align:center}
.x-form-trigger:after{content:"\\25BE"}.x-boundlist{position:absolute;z-index:30;background:#fff;border:1px solid #157fcc;min-width:270px}
.x-boundlist[hidden]{display:none}.x-list-plain{list-style:none;margin:0;padding:0}.x-boundlist-item{padding:4px 8px;cursor:pointer}
.x-boundlist-item:hover{background:#e4eef8}.x-boundlist-selected{background:#c1ddf1}
.x-grid{border:1px solid #d0d0d0;margin-top:12px;position:relative}.x-grid table{border-collapse:collapse;width:100%}
.x-column-header{background:#f5f5f5;border-bottom:1px solid #d0d0d0;text-align:left;padding:6px 8px;font-weight:600}
.x-grid-cell{padding:5px 8px;border-bottom:1px solid #ededed;vertical-align:top}.x-grid-item-alt{background:#fafafa}
.x-mask{position:absolute;inset:0;background:rgba(255,255,255,.7);display:flex;align-items:center;justify-content:center}
.x-mask[hidden]{display:none}.x-form-invalid-under{color:#cf4c35;margin:8px 0}.x-status-closed{color:#808080}.x-status-open{color:#2f8a2f;font-weight:600}
.x-window{border:1px solid #157fcc;background:#fff;padding:12px;margin-top:12px}.x-window[hidden]{display:none}
.cso-inline-form{display:inline-flex;gap:4px;margin:0}.cso-inline-form input{font:inherit;padding:2px 4px}
.cso-add-form{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:12px}.cso-add-form input,.cso-add-form select{font:inherit;padding:3px 5px}
.cso-long{max-width:520px;overflow-wrap:anywhere}
`;

/** Opens a toolbar menu on click, closes it on the next outside click (ExtJS menus behave so). */
export const MENU_SCRIPT = `
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-menu]');
  document.querySelectorAll('.x-menu').forEach(function (menu) {
    if (!button || menu.id !== button.getAttribute('data-menu')) menu.hidden = true;
  });
  if (button) {
    event.preventDefault();
    var menu = document.getElementById(button.getAttribute('data-menu'));
    menu.style.left = button.offsetLeft + 'px';
    menu.hidden = !menu.hidden;
    button.setAttribute('aria-expanded', String(!menu.hidden));
  }
});
`;
