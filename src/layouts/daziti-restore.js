(function () {
  var box = document.getElementById('daziti');
  try {
    box.checked = localStorage.getItem('daziti') === '1';
    box.onchange = function () {
      localStorage.setItem('daziti', box.checked ? '1' : '0');
    };
  } catch {
    // Storage blocked (private mode, some WeChat builds): the switch still works on this page.
  }
})();
