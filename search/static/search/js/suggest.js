/*
 * Search suggestions: fills the search box's <datalist> with titles and topics as the visitor
 * types. Only an aid: the search form works the same without this script.
 */
(function () {
    "use strict";

    function attach(input) {
        var list = document.getElementById(input.getAttribute("list"));
        var url = input.dataset.suggestUrl;
        var timer = null;
        var last = "";
        if (!list || !url) {
            return;
        }
        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(function () {
                var text = input.value.trim();
                if (text.length < 2 || text === last) {
                    return;
                }
                last = text;
                fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
                    .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                    .then(function (data) {
                        list.textContent = "";
                        data.suggestions.forEach(function (item) {
                            var option = document.createElement("option");
                            option.value = item.label;
                            list.appendChild(option);
                        });
                    })
                    .catch(function () { /* suggestions are optional */ });
            }, 200);
        });
    }

    document.querySelectorAll("input[data-suggest-url]").forEach(attach);
})();
