// The holder task's `norm` timer fired (runs as admin, on the timer's flow): the item has been held more than the
// norm's working days (CSMOP: 7). Every officer of the holding post gets one notice and one mail (notices.js).
eoHolderNotice('overdue');
