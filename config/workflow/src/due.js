// The holder task's `due` timer fired (runs as admin, on the timer's flow): the item's due date has begun (00:00
// IST). Every officer of the holding post gets one notice and one mail in his language (notices.js).
eoHolderNotice('due');
