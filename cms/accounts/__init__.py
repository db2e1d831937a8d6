"""Account security: login lockout (django-axes), second factor (django-otp), API token throttle.

Who must give a second factor, and how a half-logged-in session is treated, is decided in
:mod:`cms.accounts.two_factor`; the middleware (:mod:`cms.accounts.middleware`) enforces it.
"""
