// Live updates of "Who has used your data": the portal's only script. Without it, the page is
// complete and a reload shows new records. With it, each new record about the signed-in citizen
// is added at the top of the list as it is recorded, and announced to screen readers.
// The rows come from the portal's own server as HTML it rendered and escaped (LiveEntriesController).
(function () {
  'use strict';
  var table = document.getElementById('entries');
  var url = table && table.getAttribute('data-live-url');
  if (!url || !window.EventSource || !document.createElement('template').content) {
    return;
  }
  var body = table.querySelector('tbody');
  var hint = document.getElementById('live-hint');
  var status = document.getElementById('live-status');
  var empty = document.getElementById('no-entries');
  var source = new EventSource(url);

  source.addEventListener('open', function () {
    hint.hidden = false;
  });

  source.addEventListener('entry', function (event) {
    var template = document.createElement('template');
    template.innerHTML = event.data.trim();
    var row = template.content.querySelector('tr');
    if (!row || document.getElementById(row.id)) {
      return; // already on the page
    }
    body.insertBefore(row, body.firstElementChild);
    table.hidden = false;
    if (empty) {
      empty.hidden = true;
    }
    var link = row.querySelector('.app-entry-link');
    status.textContent = 'New record: ' + (link ? link.textContent : '');
  });

  // The citizen's sign-in is no longer accepted: stop listening (reloading will ask them to sign in).
  source.addEventListener('end', function () {
    source.close();
    hint.hidden = true;
  });
}());
