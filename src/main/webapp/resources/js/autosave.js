// Saves a quiz's answers in the background after every change, so that a closed tab loses nothing. The form is
// posted as if its "save" button had been pressed; the page itself stays as it is.
(function () {
    var form = document.querySelector('form[data-autosave]');
    if (!form || !window.fetch || !window.FormData) {
        return;
    }
    var button = form.getAttribute('data-autosave');
    var status = document.getElementById('autosaveStatus');
    var timer = null;
    function save() {
        var data = new FormData(form);
        data.append(button, 'save');
        fetch(form.action, { method: 'POST', body: new URLSearchParams(data), credentials: 'same-origin' })
            .then(function (response) {
                if (status) {
                    status.textContent = response.ok ? (status.getAttribute('data-saved') || 'Saved') : '';
                }
            })
            .catch(function () { /* the Save button still works */ });
    }
    form.addEventListener('change', function () {
        clearTimeout(timer);
        timer = setTimeout(save, 400);
    });
})();
