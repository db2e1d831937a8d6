/*
 * Main navigation on small screens: a disclosure button ("Menü") shows and hides the menu.
 * Without this script the button stays hidden and the menu is shown in full (the CSS collapses
 * the menu only when the navigation carries the class this script sets). Above the breakpoint
 * the CSS hides the button and always shows the menu, whatever the button's state.
 */
(function () {
    "use strict";

    function attach(nav) {
        var button = nav.querySelector(".main-nav__toggle");
        var list = button && document.getElementById(button.getAttribute("aria-controls"));
        if (!list) {
            return;
        }

        function setOpen(open) {
            button.setAttribute("aria-expanded", open ? "true" : "false");
            nav.classList.toggle("main-nav--open", open);
        }

        setOpen(false);
        nav.classList.add("main-nav--enhanced");

        button.addEventListener("click", function () {
            setOpen(button.getAttribute("aria-expanded") !== "true");
        });

        // Escape closes the open menu and hands focus back to its button.
        nav.addEventListener("keydown", function (event) {
            if (event.key !== "Escape" && event.key !== "Esc") {
                return;
            }
            // Only while the button is shown: on a wide screen the menu is always open.
            if (button.getAttribute("aria-expanded") === "true" && button.getClientRects().length) {
                setOpen(false);
                button.focus();
                event.preventDefault();
            }
        });
    }

    document.querySelectorAll("nav.main-nav").forEach(attach);
})();
