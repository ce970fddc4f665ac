/* global SpreadsheetApp, Session */
/* exported registerLead, closeLead, baselineOnEdit, baselineDaily, createPayouts */
/* eslint-disable @typescript-eslint/no-unused-vars -- top-level functions Apps Script calls by name */
/**
 * The baseline: the same operations written the way typical Apps Script tutorials write them: a
 * getValue/setValue per cell, a loop over the rows to find a record, appendRow per audit line.
 * Plain Apps Script (one file, top-level functions), loaded by the benchmark into a workbook that the
 * real setupTracker prepared. The benchmark adds aliases for the trigger handler names set-up installs.
 */

function sheet_(name) {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
}

function col_(sh, header) {
  var headers = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
  return headers.indexOf(header) + 1;
}

function audit_(sheetName, recordId, field, cell, oldValue, newValue) {
  sheet_('Audit Log').appendRow([
    new Date().toISOString(),
    Session.getActiveUser().getEmail(),
    'script',
    sheetName,
    recordId,
    field,
    cell,
    oldValue,
    newValue,
  ]);
}

function findRow_(sh, column, value) {
  var last = sh.getLastRow();
  for (var r = 2; r <= last; r++) {
    if (sh.getRange(r, column).getValue() == value) return r;
  }
  return -1;
}

function registerLead(lead) {
  var sh = sheet_('Leads');
  var domainCol = col_(sh, 'Domain');
  var statusCol = col_(sh, 'Status');
  var last = sh.getLastRow();
  var conflict = '';
  for (var r = 2; r <= last; r++) {
    if (sh.getRange(r, domainCol).getValue() == lead.domain) {
      var status = sh.getRange(r, statusCol).getValue();
      if (status == 'Submitted' || status == 'Approved') conflict = 'same domain as row ' + r;
    }
  }
  var id = 'L-' + String(sh.getLastRow()).padStart(6, '0');
  var now = new Date();
  var expires = new Date(now.getTime() + 90 * 86400000);
  var row = [
    id,
    lead.partnerId,
    '',
    lead.company,
    lead.domain,
    lead.contactName,
    lead.contactEmail,
    lead.product,
    lead.estimatedValue,
    lead.currency,
    'Submitted',
    now,
    expires,
    '',
    '',
    '',
    '',
    conflict,
    '',
  ];
  sh.appendRow(row);
  var headers = sh.getRange(1, 1, 1, row.length).getValues()[0];
  for (var c = 0; c < row.length; c++) {
    if (row[c] !== '') audit_('Leads', id, headers[c], '', '', row[c]);
  }
  return { id: id, status: 'Submitted' };
}

function closeLead(id, outcome, details) {
  var sh = sheet_('Leads');
  var r = findRow_(sh, 1, id);
  if (r < 0) throw new Error('Lead not found: ' + id);
  var statusCol = col_(sh, 'Status');
  var old = sh.getRange(r, statusCol).getValue();
  var status = outcome == 'won' ? 'Won' : 'Lost';
  sh.getRange(r, statusCol).setValue(status);
  audit_('Leads', id, 'Status', '', old, status);
  if (outcome != 'won') return { id: id, status: status };
  sh.getRange(r, col_(sh, 'Deal Value')).setValue(details.dealValue);
  audit_('Leads', id, 'Deal Value', '', '', details.dealValue);
  sh.getRange(r, col_(sh, 'Closed On')).setValue(new Date(details.closedOn));
  audit_('Leads', id, 'Closed On', '', '', details.closedOn);
  var partnerId = sh.getRange(r, 2).getValue();
  var currency = sh.getRange(r, col_(sh, 'Currency')).getValue();
  var partners = sheet_('Partners');
  var pr = findRow_(partners, 1, partnerId);
  var plan = pr > 0 ? partners.getRange(pr, col_(partners, 'Plan')).getValue() : '';
  var amount = Math.round(details.dealValue * 0.1 * 100) / 100;
  var commissions = sheet_('Commissions');
  var cid = 'C-' + String(commissions.getLastRow()).padStart(6, '0');
  var eligible = new Date(new Date(details.closedOn).getTime() + 30 * 86400000);
  commissions.appendRow([
    cid,
    id,
    partnerId,
    plan,
    'Commission',
    details.dealValue,
    currency,
    amount,
    'Pending',
    new Date(details.closedOn),
    eligible,
    '',
    '',
    '',
    '10% of deal value',
  ]);
  audit_('Commissions', cid, 'Amount', '', '', amount);
  return { id: id, status: status };
}

function baselineOnEdit(e) {
  var range = e.range;
  var sh = range.getSheet();
  var name = sh.getName();
  if (name == 'Audit Log') return;
  for (var r = 1; r <= range.getNumRows(); r++) {
    for (var c = 1; c <= range.getNumColumns(); c++) {
      var cell = range.getCell(r, c);
      var row = cell.getRow();
      var column = cell.getColumn();
      var id = sh.getRange(row, 1).getValue();
      var field = sh.getRange(1, column).getValue();
      var oldValue = range.getNumRows() == 1 && range.getNumColumns() == 1 ? e.oldValue : '';
      audit_(name, id, field, cell.getA1Notation(), oldValue, cell.getValue());
    }
  }
}

function baselineDaily() {
  var sh = sheet_('Leads');
  var statusCol = col_(sh, 'Status');
  var expiresCol = col_(sh, 'Expires On');
  var now = new Date();
  var last = sh.getLastRow();
  for (var r = 2; r <= last; r++) {
    var status = sh.getRange(r, statusCol).getValue();
    if (status != 'Submitted' && status != 'Approved') continue;
    var expires = sh.getRange(r, expiresCol).getValue();
    if (expires && new Date(expires) < now) {
      sh.getRange(r, statusCol).setValue('Expired');
      audit_('Leads', sh.getRange(r, 1).getValue(), 'Status', '', status, 'Expired');
    }
  }
  runCommissions();
}

function runCommissions() {
  var commissions = sheet_('Commissions');
  var statusCol = col_(commissions, 'Status');
  var eligibleCol = col_(commissions, 'Eligible On');
  var now = new Date();
  var last = commissions.getLastRow();
  var moved = 0;
  for (var r = 2; r <= last; r++) {
    if (commissions.getRange(r, statusCol).getValue() != 'Pending') continue;
    var eligible = commissions.getRange(r, eligibleCol).getValue();
    if (eligible && new Date(eligible) <= now) {
      commissions.getRange(r, statusCol).setValue('Eligible');
      audit_('Commissions', commissions.getRange(r, 1).getValue(), 'Status', '', 'Pending', 'Eligible');
      moved++;
    }
  }
  return { moved: moved };
}

function createPayouts(throughDate) {
  var commissions = sheet_('Commissions');
  var statusCol = col_(commissions, 'Status');
  var payoutCol = col_(commissions, 'Payout ID');
  var through = new Date(throughDate);
  var last = commissions.getLastRow();
  var totals = {};
  for (var r = 2; r <= last; r++) {
    if (commissions.getRange(r, statusCol).getValue() != 'Approved') continue;
    if (new Date(commissions.getRange(r, 11).getValue()) > through) continue;
    var key = commissions.getRange(r, 3).getValue() + ' ' + commissions.getRange(r, 7).getValue();
    totals[key] = totals[key] || { amount: 0, rows: [] };
    totals[key].amount += Number(commissions.getRange(r, 8).getValue());
    totals[key].rows.push(r);
  }
  var payouts = sheet_('Payouts');
  var created = [];
  for (var k in totals) {
    var id = 'PO-' + String(payouts.getLastRow()).padStart(4, '0');
    var parts = k.split(' ');
    payouts.appendRow([
      id,
      parts[0],
      '',
      parts[1],
      totals[k].amount,
      totals[k].rows.length,
      '',
      'Draft',
      new Date(),
      '',
      '',
    ]);
    audit_('Payouts', id, 'Amount', '', '', totals[k].amount);
    for (var i = 0; i < totals[k].rows.length; i++) {
      commissions.getRange(totals[k].rows[i], payoutCol).setValue(id);
    }
    created.push(id);
  }
  return created;
}
