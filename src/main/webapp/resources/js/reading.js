// Shows how far the reader is through a module: the bar fills as the article's end comes into view.
(function () {
    var bar = document.getElementById('readingProgress');
    var body = document.getElementById('moduleBody');
    if (!bar || !body) {
        return;
    }
    function update() {
        var rect = body.getBoundingClientRect();
        var total = rect.height - window.innerHeight;
        var read = total <= 0 ? 100 : Math.min(100, Math.max(0, (-rect.top / total) * 100));
        bar.value = Math.round(read);
    }
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    update();
})();
